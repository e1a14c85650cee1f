/**
 * Validation of v3 resources, as Calico's validator and clientv3 check them before a write.
 * Every rule reports into {@link io.tabby.datastore.resource.validate.Violations} with the field
 * path and a message that says what is wrong and what is allowed; nothing stops at the first
 * problem, so one run shows the user everything to fix.
 */
package io.tabby.datastore.resource.validate;
