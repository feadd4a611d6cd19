/** What the Run page posts to the dialog around it: close (Escape inside the frame). The overlay's dialog listens for it. */
export const CLOSE_MESSAGE = 'commit-lab:close-run';

/** What the Run page posts when its commit is made: the overlay puts the new commit at the top of the list. */
export const COMMITTED_MESSAGE = 'commit-lab:committed';
