/**
 * HTML escaped by default: {@link jp.kaiji.html.Html}, the one builder of the console's pages and
 * the disclosure package's {@code index.html}. Invariant: data reaches a page only through {@code
 * text}, {@code el} or an attribute value, all escaped; {@code raw} carries constant markup only.
 */
package jp.kaiji.html;
