import type {
  NotebookImageOption,
  NotebookOptions,
} from '@ml-platform/backstage-plugin-ml-platform-common';

type ImageOptions = Pick<NotebookOptions, 'images' | 'customImages'>;

/** The registry of an image reference, as the backend reads it (docker.io without one). */
export function registryOf(image: string): string {
  const first = image.split('/')[0];
  return image.includes('/') && /[.:]|^localhost$/.test(first)
    ? first
    : 'docker.io';
}

/** The configured image a value names, by its name or its reference. */
export function findImage(
  images: NotebookImageOption[],
  value: string | undefined,
): NotebookImageOption | undefined {
  if (!value) {
    return undefined;
  }
  return (
    images.find(option => option.name === value) ??
    images.find(option => option.image === value)
  );
}

/**
 * The value the field should hold once the options are known: a configured
 * image by its name (also when the value was its reference), the first
 * configured image when there is no value yet, else the value as it is.
 */
export function normalizeImage(
  options: ImageOptions,
  value: string | undefined,
): string | undefined {
  if (!value) {
    return options.images[0]?.name;
  }
  return findImage(options.images, value)?.name ?? value;
}

/** Which registries custom images may come from, in words; undefined when they are not allowed. */
export function customImagesHint(
  customImages: NotebookOptions['customImages'],
): string | undefined {
  if (!customImages.allowed) {
    return undefined;
  }
  return customImages.registries.length > 0
    ? `You may also type an image reference from ${customImages.registries.join(
        ', ',
      )}`
    : 'You may also type an image reference from any registry';
}

/** Why the backend would refuse a value, as it says it; undefined when it would take it. */
export function imageIssue(
  options: ImageOptions,
  value: string | undefined,
): string | undefined {
  if (!value || findImage(options.images, value)) {
    return undefined;
  }
  const { allowed, registries } = options.customImages;
  if (!allowed) {
    return `"${value}" is not one of the configured images (${options.images
      .map(option => option.name)
      .join(', ')}), and custom images are not allowed`;
  }
  if (/\s/.test(value)) {
    return `"${value}" is not an image reference`;
  }
  if (registries.length > 0 && !registries.includes(registryOf(value))) {
    return `"${value}" comes from registry ${registryOf(
      value,
    )}; custom images may only come from ${registries.join(', ')}`;
  }
  return undefined;
}

function describeImage(
  images: NotebookImageOption[],
  value: string | undefined,
): string {
  const configured = findImage(images, value);
  if (configured) {
    return configured.image;
  }
  return value
    ? `A custom image from ${registryOf(value)}`
    : 'Pick one of the configured images';
}

/** The helper text under the image field: the chosen image's reference, or what is wrong. */
export function imageHelperText(
  options: ImageOptions,
  value: string | undefined,
): { text: string; error: boolean } {
  const hint = customImagesHint(options.customImages);
  const issue = imageIssue(options, value);
  if (issue) {
    return { text: issue, error: true };
  }
  const main = describeImage(options.images, value);
  return { text: hint ? `${main}. ${hint}.` : main, error: false };
}
