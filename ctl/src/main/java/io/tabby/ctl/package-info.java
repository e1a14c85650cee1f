/**
 * tabbyctl, a calicoctl-like command-line client over the datastore: the entry point
 * ({@link io.tabby.ctl.CtlMain}, also the only wiring point), the datastore session, exit codes
 * and the one handler that turns failures into messages.
 */
package io.tabby.ctl;
