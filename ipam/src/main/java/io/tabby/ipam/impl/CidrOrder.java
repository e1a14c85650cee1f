package io.tabby.ipam.impl;

import io.tabby.datastore.model.Cidr;
import java.util.Comparator;

/** Orders CIDRs numerically by network address, then by prefix length. */
public enum CidrOrder implements Comparator<Cidr> {
    INSTANCE;

    @Override
    public int compare(Cidr a, Cidr b) {
        int byFamily = a.family().compareTo(b.family());
        if (byFamily != 0) {
            return byFamily;
        }
        int byAddress = a.network().toBigInteger().compareTo(b.network().toBigInteger());
        return byAddress != 0 ? byAddress : Integer.compare(a.prefixLength(), b.prefixLength());
    }
}
