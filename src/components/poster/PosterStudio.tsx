import { HomeworkFrame } from '../homework/HomeworkFrame.tsx';
import ValuesPoster, { type ValuesPosterProps } from './ValuesPoster.tsx';

/**
 * The poster page's island: the live poster inside the frame every homework
 * has, so a choice that cannot be saved (storage full or turned off) shows the
 * same notice as any other answer, and the choices travel in the answers file.
 */
export default function PosterStudio(props: ValuesPosterProps) {
  return (
    <HomeworkFrame slug={props.slug} themes={props.themes}>
      <ValuesPoster {...props} />
    </HomeworkFrame>
  );
}
