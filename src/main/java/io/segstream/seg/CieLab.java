package io.segstream.seg;

/**
 * Recommended Display CIELab Value from sRGB: CIE L*a*b* under D65, scaled to 16 bits as PS3.3
 * C.10.7.1.1 asks (L* 0..100 and a*, b* -128..127 onto 0..65535).
 */
final class CieLab {

    private CieLab() {}

    static int[] fromRgb(int red, int green, int blue) {
        double r = linear(red);
        double g = linear(green);
        double b = linear(blue);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        double lightness = 116 * fy - 16;
        double a = 500 * (fx - fy);
        double bb = 200 * (fy - fz);
        return new int[] {
            scale(lightness / 100.0), scale((a + 128) / 255.0), scale((bb + 128) / 255.0)
        };
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static int scale(double unit) {
        return (int) Math.round(Math.max(0, Math.min(1, unit)) * 65535);
    }
}
