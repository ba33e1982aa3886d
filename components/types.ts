/** Asks the page to scroll to an item and flash it. */
export type RevealItem = (frameId: number, itemId: string) => void;
