package io.tabby.bird.speaker;

import io.tabby.bird.rib.PeerInfo;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.message.Update;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies an {@link ImportFilter} to one UPDATE: the accepted announcements and all withdrawals go
 * on as one UPDATE, and each refused announcement becomes a withdrawal, so a route the filter
 * refuses replaces (and removes) an earlier accepted one, as in BIRD.
 */
final class ImportFiltering {
    private ImportFiltering() {
    }

    static void apply(Update update, ImportFilter filter, PeerInfo from, Consumer<Update> sink) {
        if (filter == ImportFilter.ALL || !update.hasReachable()) {
            sink.accept(update);
            return;
        }
        PrefixList.Builder refusedV4 = PrefixList.builder(update.nlri().family(), update.nlri().hasPathIds());
        PrefixList acceptedV4 = split(update.nlri(), filter, from, update, refusedV4);
        Optional<MpReachNlri> reach = update.mpReach();
        PrefixList.Builder refusedMp = null;
        if (reach.isPresent()) {
            PrefixList nlri = reach.get().nlri();
            refusedMp = PrefixList.builder(nlri.family(), nlri.hasPathIds());
            reach = Optional.of(new MpReachNlri(reach.get().nextHop(), split(nlri, filter, from, update, refusedMp)));
        }
        sink.accept(new Update(update.withdrawn(), update.attributes(), acceptedV4, reach, update.mpUnreach()));
        if (refusedV4.size() > 0) {
            sink.accept(Update.withdraw(refusedV4.build()));
        }
        if (refusedMp != null && refusedMp.size() > 0) {
            sink.accept(Update.withdraw(refusedMp.build()));
        }
    }

    private static PrefixList split(PrefixList prefixes, ImportFilter filter, PeerInfo from, Update update,
            PrefixList.Builder refused) {
        PrefixList.Builder accepted = PrefixList.builder(prefixes.family(), prefixes.hasPathIds());
        for (int i = 0; i < prefixes.size(); i++) {
            if (filter.accept(from, prefixes.prefix(i), update.attributes())) {
                accepted.add(prefixes.prefix(i), prefixes.pathId(i));
            } else {
                refused.add(prefixes.prefix(i), prefixes.pathId(i));
            }
        }
        return accepted.build();
    }
}
