/**
 * Reading resource documents: YAML/JSON text is split into documents, each document (a resource,
 * a {@code List}, a {@code <Kind>List} or a YAML sequence) is read field by field into the v3
 * records, with calicoctl v1 documents converted on the way. Every unexpected field, wrong type
 * or malformed value is reported with its document and field path, then the records are
 * validated; problems found while reading are not reported a second time by validation.
 */
package io.tabby.datastore.resource.parse;
