/** The pages that change things: one form per command. */
export const FORM_CONTROLLERS: (new (...args: never[]) => unknown)[] = [];
