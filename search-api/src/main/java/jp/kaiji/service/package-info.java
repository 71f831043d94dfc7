/**
 * What the services built on the subject search share: {@link jp.kaiji.service.SearchFailure}, the
 * one sealed type for a search that could not run. It belongs beside {@code SubjectSearchService}
 * and can move there (thrown by the service itself) once the matcher's packages have settled.
 */
package jp.kaiji.service;
