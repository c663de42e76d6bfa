/**
 * Control flow that leaves several levels of the interpreter at once. These
 * are thrown and caught inside the shell; none reaches a caller of Shell.run.
 */

/** `exit`, or an error that ends a non-interactive shell (XCU 2.8.1): the (sub)shell ends with `status`. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** `return` from a function or a dot script. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `break N` and `continue N`. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}
