package io.tabby.datastore.codec;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * String escaping as Go's {@code encoding/json} does it (Go 1.8 to 1.21, the releases Calico
 * was built with): {@code \n}, {@code \r}, {@code \t}, {@code \"} and {@code \\} as two
 * characters; every other control character, and {@code <}, {@code >}, {@code &}, U+2028
 * and U+2029, as {@code \}{@code u00xx} with lower-case hex. Everything else is written as is.
 */
final class GoCharacterEscapes extends CharacterEscapes {

    private final int[] ascii;

    GoCharacterEscapes() {
        ascii = CharacterEscapes.standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            ascii[c] = ESCAPE_CUSTOM;
        }
        ascii['\n'] = 'n';
        ascii['\r'] = 'r';
        ascii['\t'] = 't';
        ascii['<'] = ESCAPE_CUSTOM;
        ascii['>'] = ESCAPE_CUSTOM;
        ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < 0x80 || ch == 0x2028 || ch == 0x2029) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
