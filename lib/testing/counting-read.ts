/** A read that counts its calls and answers what the "database" holds at the time: for the in-memory caches' tests. */
export function countingRead(initial: string) {
  const state = { value: initial, reads: 0 };
  const read = () => {
    state.reads++;
    return Promise.resolve(state.value);
  };
  return { state, read };
}
