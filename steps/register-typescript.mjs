// Loaded first by cucumber (see cucumber.js): lets it import the TypeScript step definitions.
// Workers of --parallel load it too, since it is part of the import list.
import { register } from 'tsx/esm/api';

register();
