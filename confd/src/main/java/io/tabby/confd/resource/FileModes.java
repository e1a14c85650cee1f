package io.tabby.confd.resource;

/**
 * Reads a {@code mode} string the way confd does ({@code strconv.ParseUint(mode, 0, 32)}): a
 * {@code 0x} prefix is hex, {@code 0o} or a bare leading {@code 0} octal, {@code 0b} binary, anything
 * else decimal. Only permission bits (at most {@code 07777}) make sense for a file.
 */
final class FileModes {
    private FileModes() {}

    /** @throws IllegalArgumentException with what is wrong */
    static int parse(String text) {
        String s = text.strip().replace("_", "");
        int radix = 10;
        String digits = s;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            digits = s.substring(2);
        } else if (s.startsWith("0o") || s.startsWith("0O")) {
            radix = 8;
            digits = s.substring(2);
        } else if (s.startsWith("0b") || s.startsWith("0B")) {
            radix = 2;
            digits = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            digits = s.substring(1);
        }
        int mode;
        try {
            mode = Integer.parseInt(digits, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mode '" + text + "' is not a number; write it in octal, like \"0644\"");
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode '" + text + "' is outside 0..07777; write permission bits"
                    + " in octal, like \"0644\"");
        }
        return mode;
    }
}
