import { render } from 'preact';
import { Legend } from '@/components/Legend';

render(<Legend />, document.getElementById('app')!);
