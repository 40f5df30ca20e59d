// Typed input is normalised once, at the boundary, before any dialog reads it (SeenBot.run; Direct Line's router for its transcript).
export { codePointLength, codePointSlice, normaliseInput, normaliseText } from '../records/text';
