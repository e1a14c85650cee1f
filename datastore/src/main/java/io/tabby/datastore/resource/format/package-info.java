/**
 * Text forms shared by parsing, validation, key mapping and printing of resources: strict IP
 * address and CIDR literals (never a DNS lookup; canonical output as Go prints it, so keys and
 * printed values match Calico's) and Go-style durations ({@code 90s}, {@code 1m30s}) as the v3
 * API writes them.
 */
package io.tabby.datastore.resource.format;
