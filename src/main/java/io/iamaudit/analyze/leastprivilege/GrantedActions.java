package io.iamaudit.analyze.leastprivilege;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A set of granted actions: catalog actions as bits over the catalog's index (about 18,000 bits, so {@code *} costs
 * a few kilobytes, not 18,000 strings), plus lower-case names of actions the catalog does not know.
 */
record GrantedActions(BitSet bits, Set<String> extras) {

    static GrantedActions empty() {
        return new GrantedActions(new BitSet(), Set.of());
    }

    GrantedActions union(GrantedActions other) {
        BitSet b = (BitSet) bits.clone();
        b.or(other.bits);
        Set<String> e = new HashSet<>(extras);
        e.addAll(other.extras);
        return new GrantedActions(b, e);
    }

    int size() {
        return bits.cardinality() + extras.size();
    }

    /** How many of these actions {@code other} does not contain. */
    int countNotIn(GrantedActions other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return b.cardinality() + (int) extras.stream().filter(x -> !other.extras.contains(x)).count();
    }
}
