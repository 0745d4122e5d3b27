// Lists that wait on someone count their rows up to this many and say "more than" beyond: over a
// whole country the exact number of overdue sessions costs a scan and tells nobody anything more.
export const COUNT_CAP = 1000;
