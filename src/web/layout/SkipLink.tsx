import classes from './SkipLink.module.css';

/** Lets keyboard users jump past the header and navigation straight to the page. */
export function SkipLink() {
  return (
    <a className={classes.skipLink} href="#main">
      Skip to main content
    </a>
  );
}
