// The entity model's feature ids, by template and value (the two halves of features.ts's featureName): the scorer
// finds a word feature by the value its form already holds, whose hash the string keeps, where building each feature's
// name cost a new string and its hashing, for each of the ~30 features of every new word.

export class FeatureIndex {
  private readonly valued = new Map<string, Map<string, number>>();
  /** Features that are a template alone (value null). */
  private readonly bare = new Map<string, number>();
  /** How many features the model has. */
  readonly size: number;

  /** `names`: the features' names, by id. */
  constructor(names: readonly string[]) {
    names.forEach((name, id) => {
      const at = name.indexOf('=');
      if (at < 0) this.bare.set(name, id);
      else this.values(name.slice(0, at), true).set(name.slice(at + 1), id);
    });
    this.size = names.length;
  }

  /** The id of the feature named featureName(template, value), if the model has it. */
  id(template: string, value: string | null): number | undefined {
    return value === null ? this.bare.get(template) : this.valued.get(template)?.get(value);
  }

  /** The id of the feature named `name`, if the model has it. */
  get(name: string): number | undefined {
    // Templates hold no '=', so the first one ends the template (a value may hold one: "w0==").
    const at = name.indexOf('=');
    return at < 0 ? this.bare.get(name) : this.valued.get(name.slice(0, at))?.get(name.slice(at + 1));
  }

  /** The values the model has features of with this template. */
  valuesOf(template: string): Iterable<string> {
    return this.values(template, false).keys();
  }

  private values(template: string, add: boolean): Map<string, number> {
    let values = this.valued.get(template);
    if (!values) {
      values = new Map();
      if (add) this.valued.set(template, values);
    }
    return values;
  }
}
