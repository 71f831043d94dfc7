package jp.kaiji.disclosure;

/** One step of a request's history: the status it entered, when, by whom, and why. */
public record StatusChange(CaseStatus status, String at, String actor, String note) {}
