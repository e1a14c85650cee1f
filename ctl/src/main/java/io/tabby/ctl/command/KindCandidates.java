package io.tabby.ctl.command;

import io.tabby.datastore.resource.ResourceKind;
import java.util.Arrays;
import java.util.Iterator;

/** Every kind name and alias, offered by shell completion for KIND arguments. */
public final class KindCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ResourceKind.values()).flatMap(kind -> kind.aliases().stream()).iterator();
    }
}
