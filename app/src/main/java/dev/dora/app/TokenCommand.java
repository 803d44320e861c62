package dev.dora.app;

import dev.dora.dashboard.auth.Role;
import dev.dora.dashboard.auth.TokenStore;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dora token create|list|revoke}: API tokens with roles, stored hashed under {@code
 * <data>/secrets/tokens.json}. A running {@code dora up} on the same data directory sees the change
 * at once.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Create, list or revoke API tokens (viewer, exporter, admin).",
        subcommands = {
            TokenCommand.Create.class,
            TokenCommand.ListTokens.class,
            TokenCommand.Revoke.class
        })
final class TokenCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    static TokenStore store(ConfigOptions options) {
        return new TokenStore(ConfigOptions.tokensFile(options.load()), Clock.systemUTC());
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Print a new token; it is shown only this once.")
    static final class Create implements Callable<Integer> {
        @Option(
                names = "--role",
                required = true,
                description = "viewer (pages and read API), exporter (also exports) or admin.")
        String role;

        @Option(names = "--name", description = "What the token is for, shown by `token list`.")
        String name;

        @Mixin ConfigOptions options;

        @Override
        public Integer call() {
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                System.err.println("dora: " + e.getMessage());
                return 2;
            }
            TokenStore.Created created = store(options).create(parsed, name);
            System.err.println(
                    "dora: created token "
                            + created.entry().id()
                            + " with the "
                            + parsed.id()
                            + " role; keep it now, it cannot be shown again:");
            System.out.println(created.token());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin ConfigOptions options;

        @Override
        public Integer call() {
            for (TokenStore.Entry e : store(options).list()) {
                System.out.printf(
                        "%-18s %-9s %-25s %s%n",
                        e.id(), e.role(), e.created(), e.name() == null ? "" : e.name());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The token's id, as `token list` shows.")
        String id;

        @Mixin ConfigOptions options;

        @Override
        public Integer call() {
            if (!store(options).revoke(id)) {
                System.err.println("dora: no token has the id '" + id + "'");
                return 1;
            }
            System.err.println("dora: revoked " + id);
            return 0;
        }
    }
}
