/**
 * Wiring and entry points: {@link jp.kaiji.server.KaijiMain} (serve, demo, export, new-token,
 * verify-audit), {@link jp.kaiji.server.KaijiApplication} (builds the index, matcher, services and
 * routes from a {@link jp.kaiji.server.ServerConfig}), {@link jp.kaiji.server.KaijiServer}
 * (Undertow, TLS).
 */
package jp.kaiji.server;
