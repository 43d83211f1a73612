import { useMediaQuery } from '@mantine/hooks';

/** True from 768px (Mantine `sm`) up: desks and tablets get tables and the side navbar. */
export const useIsDesktop = (): boolean =>
  useMediaQuery('(min-width: 48em)', false, { getInitialValueInEffect: false });
