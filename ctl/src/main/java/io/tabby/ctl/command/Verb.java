package io.tabby.ctl.command;

/** The write verbs, with the words calicoctl's messages use for them. */
enum Verb {
    APPLY("apply", "applied"),
    CREATE("create", "created"),
    REPLACE("replace", "replaced"),
    DELETE("delete", "deleted");

    private final String present;
    private final String past;

    Verb(String present, String past) {
        this.present = present;
        this.past = past;
    }

    String present() {
        return present;
    }

    String past() {
        return past;
    }
}
