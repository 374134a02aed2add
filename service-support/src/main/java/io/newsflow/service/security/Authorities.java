package io.newsflow.service.security;

/** What a key allows. */
public final class Authorities {

    /** Changing state through a service's API: ingest's writes. */
    public static final String WRITE = "newsflow:write";

    /** The operator endpoints of the management port: dead letters and rebuilds. */
    public static final String OPERATE = "newsflow:operate";

    private Authorities() {
    }

}
