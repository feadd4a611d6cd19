/** The performance entry of each draw of a page view's rows once its data arrived (read by `npm run bench`). */
export const DRAW_MEASURE = 'commit-lab:draw-rows';
