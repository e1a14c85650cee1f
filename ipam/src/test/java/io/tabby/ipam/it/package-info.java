/**
 * IPAM integration tests against a real etcd: the concurrent hammer with abandoned operations,
 * block exhaustion and borrowing, and node-removal GC.
 */
package io.tabby.ipam.it;
