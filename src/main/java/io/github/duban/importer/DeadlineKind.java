package io.github.duban.importer;

/** What a deadline phrase (完成时限) says, as {@link DeadlineParser} reads it. */
public enum DeadlineKind {
    /** One date (2021年4月底, 6月底前, 2024年底前，并长期坚持). */
    DATE,
    /** No end: 长期坚持, 持续推进, 常态化. */
    ONGOING,
    /** Start at once: 立行立改, 立即 (with {@code ongoing} when 长期坚持 follows). */
    IMMEDIATE,
    /** A repeating due date: 每月25日前, 每季度第1个月的20日前, 每年3月底前, 每周二前. */
    RECURRING,
    /** A period counted from an event: 30个工作日内, 会后7日内. */
    RELATIVE,
    /** Several dates in one phrase: 3月底前完成方案，6月底前全面完成. */
    MULTIPLE,
    /** Could not be read confidently; {@code reason} says why. */
    AMBIGUOUS
}
