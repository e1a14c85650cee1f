package io.tabby.datastore.selector;

/** The kinds of token in Calico's selector grammar, with how an error message shows each. */
enum TokenKind {
    LABEL("label"),
    STRING("string"),
    LBRACE("'{'"),
    RBRACE("'}'"),
    COMMA("','"),
    EQ("'=='"),
    NE("'!='"),
    IN("'in'"),
    NOT_IN("'not in'"),
    CONTAINS("'contains'"),
    STARTS_WITH("'starts with'"),
    ENDS_WITH("'ends with'"),
    NOT("'!'"),
    HAS("has(...)"),
    ALL("all()"),
    GLOBAL("global()"),
    LPAREN("'('"),
    RPAREN("')'"),
    AND("'&&'"),
    OR("'||'"),
    /** End of the selector text. */
    EOF("end"),
    /**
     * Text the tokenizer could not read. It ends the token stream, and the parser reports it
     * at the point it reaches it, so errors come out in left-to-right order.
     */
    ERROR("error");

    private final String shown;

    TokenKind(String shown) {
        this.shown = shown;
    }

    String shown() {
        return shown;
    }
}
