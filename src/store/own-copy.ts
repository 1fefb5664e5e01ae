/**
 * A copy of `text` that refers to no larger string. V8 keeps a slice of 13 or more characters as a view
 * into the string it was cut from, so a value kept from a file read in large pieces (a key, a signature,
 * a message) would keep its whole piece alive. Short strings are copies already.
 */
export const ownCopy = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));
