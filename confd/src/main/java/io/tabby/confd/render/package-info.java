/**
 * From a view to a file: {@link io.tabby.confd.render.TemplateRenderer} renders a FreeMarker
 * template (configured once: no auto-escaping, computer number and boolean formats, no
 * {@code ?new} or {@code ?api}) with confd's functions as the data model; and
 * {@link io.tabby.confd.render.FileSyncer} stages the result beside the destination as
 * {@code .<name><random>} with the resource's mode and owner, compares it with the destination
 * (content, mode, uid, gid, as confd does) and swaps it in with an atomic rename.
 */
package io.tabby.confd.render;
