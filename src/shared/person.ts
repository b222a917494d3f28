// Names as people type them: "Anna  de Vries " and "anna de vries" are one person (segregation of
// duties is checked with this in the store, and shown with it on screen).
export const samePerson = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
