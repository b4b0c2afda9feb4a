import './styles/react-aria.css';

// react-aria's usePress adds a <style> element (touch-action for pressable elements) unless an
// element with this id already exists. The page's CSP (style-src 'self') refuses inline styles, so
// that element would only log a CSP violation: the marker stops it, and react-aria.css carries
// the same rule from a file.
const PRESSABLE_STYLE_ID = 'react-aria-pressable-style';

if (document.getElementById(PRESSABLE_STYLE_ID) === null) {
  const marker = document.createElement('meta');
  marker.id = PRESSABLE_STYLE_ID;
  document.head.append(marker);
}
