/** Marker colours by the area's position in the list; customers in no area are grey. */
export const AREA_COLORS = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#f08c00',
  '#0c8599',
  '#e03131',
  '#5c940d',
];
export const NO_AREA_COLOR = '#868e96';
