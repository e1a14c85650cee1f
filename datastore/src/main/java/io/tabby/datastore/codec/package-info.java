/**
 * JSON text of the values stored under {@code /calico}, byte for byte as Calico writes it.
 *
 * <p>{@link io.tabby.datastore.codec.ValueCodec} decodes the text at a key into the record
 * the key's family holds ({@code Key<V>} gives {@code V}) and encodes a record back. Encoding
 * mirrors Go's {@code encoding/json} as libcalico-go uses it: fields in Go struct order,
 * {@code omitempty} fields left out when empty, {@code null} where Go writes a nil slice,
 * map or pointer, map keys sorted, no spaces, {@code <}, {@code >} and {@code &} escaped as
 * {@code \u003c}, {@code \u003e}, {@code \u0026}, floats in Go's shortest form. Fields Tabby does not
 * model are kept and written after the known ones. A malformed value fails with a
 * {@link io.tabby.datastore.codec.MalformedValueException} naming the key, the field and the
 * problem.
 *
 * <pre>
 *   etcd text --readTree--&gt; JsonNode --XxxJson.decode--&gt; record
 *   record --XxxJson.encode (JsonOut, Go escapes)--&gt; etcd text
 *   block, handle --BlockJson/HandleJson.encode (GoJsonText)--&gt; etcd text
 * </pre>
 *
 * <p>IPAM blocks and handles are written on every address assignment, so their encoders skip
 * Jackson's generator and append text to one presized builder through
 * {@link io.tabby.datastore.codec.GoJsonText}, which holds the same escapes and key order; tests
 * compare them with the Jackson-based writer on random values.
 */
package io.tabby.datastore.codec;
