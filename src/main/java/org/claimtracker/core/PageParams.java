package org.claimtracker.core;

/** Which page of a list to return: pages count from 0; sizes run from 1 to {@value #MAX_SIZE}. */
public record PageParams(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    private static final int MAX_PAGE = 1_000_000;

    public static PageParams of(String page, String size) {
        return new PageParams(
                Params.intInRange("page", page, 0, 0, MAX_PAGE),
                Params.intInRange("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    public int offset() {
        return page * size;
    }
}
