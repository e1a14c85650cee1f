/**
 * Fakes for testing code that uses confd, shipped in main code like the datastore's:
 * {@link io.tabby.confd.testing.RecordingCommandRunner} records check and reload commands instead of
 * running them and fails the ones a test says should fail.
 */
package io.tabby.confd.testing;
