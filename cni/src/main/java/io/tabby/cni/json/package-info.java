/**
 * A small, strict JSON (RFC 8259) reader and writer for the CNI plugin, which must run on the JDK
 * alone. {@link io.tabby.cni.json.JsonReader} rejects anything outside the grammar (comments,
 * trailing commas, duplicate keys, lone surrogates, excessive nesting) with a
 * {@link io.tabby.cni.json.JsonParseException} naming the line, column and offset;
 * {@link io.tabby.cni.json.JsonWriter} renders compact JSON in member insertion order.
 */
package io.tabby.cni.json;
