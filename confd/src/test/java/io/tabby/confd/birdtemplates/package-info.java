/**
 * Golden-file tests of the repository's {@code templates/} confd directory (Tabby's BIRD
 * configuration): scenario key sets under {@code src/test/resources/birdtemplates/<scenario>/keys.txt}
 * are rendered with confd for each listed node and compared with the expected files beside them,
 * and real BIRD 1.6 must accept every rendered configuration.
 */
package io.tabby.confd.birdtemplates;
