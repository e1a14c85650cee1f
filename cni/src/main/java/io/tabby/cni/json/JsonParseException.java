package io.tabby.cni.json;

/**
 * Input that is not strict JSON. The message names what was expected and where: line and column
 * (both from 1) and the character offset (from 0).
 */
public final class JsonParseException extends Exception {
    private final int offset;
    private final int line;
    private final int column;

    public JsonParseException(String problem, int offset, int line, int column) {
        super(problem + " at line " + line + ", column " + column + " (offset " + offset + ")");
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    public int offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
