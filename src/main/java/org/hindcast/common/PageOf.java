package org.hindcast.common;

import java.util.List;

/** One page of a longer list, with where it stands in the whole. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
