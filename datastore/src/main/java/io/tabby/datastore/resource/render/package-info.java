/**
 * The v3 document form of resources: {@link io.tabby.datastore.resource.render.V3Tree} lays a
 * resource out as a JSON tree in the v3 API's field order, leaving out unset optional fields as
 * Go's {@code omitempty} does; {@link io.tabby.datastore.resource.render.DocumentText} prints
 * trees as calicoctl does (JSON indented by two spaces in field order, YAML with sorted keys).
 * The same tree, without display-only metadata, is what Tabby stores for resources that have no
 * v1 form.
 */
package io.tabby.datastore.resource.render;
