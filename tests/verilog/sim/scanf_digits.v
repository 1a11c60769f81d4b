// $sscanf fields as Icarus matches them: x/z/? digits and '_' in %b/%o/%h (? is x, a leading
// x/z extends, no leading '_'), signed %d and its single x/z/? field, %f/%e with a bad
// exponent (no match), %t scaled by $timeformat, fields wider than 64 bits and an x format.
`timescale 1ns/100ps
module scanf_digits;
    reg [63:0] a, b;
    reg [99:0] w;
    real r;
    integer code;
    initial begin
        code = $sscanf("01_?xzXZ", "%b", a);
        $display("%0d %b", code, a);
        a = 'bx;
        code = $sscanf("_01", "%b", a);
        $display("%0d %b", code, a);
        code = $sscanf("x1_0", "%o", a);
        $display("%0d %o", code, a);
        code = $sscanf("z5?", "%h", a);
        $display("%0d %h", code, a);
        code = $sscanf("-01234_56789", "%d", a);
        $display("%0d %0d", code, $signed(a));
        code = $sscanf("? z", "%d %d", a, b);
        $display("%0d %0d %0d", code, a, b);
        code = $sscanf("+q", "%d", a);
        $display("%0d", code);
        code = $sscanf("123456789012345678901234567890", "%d", w);
        $display("%0d %0d", code, w);
        code = $sscanf("-5", "%d", r);
        $display("%0d %f", code, r);
        r = 1.0;
        code = $sscanf("2.e+a", "%f", r);
        $display("%0d %f", code, r);
        code = $sscanf("-2.2566789", "%6e %d", r, a);
        $display("%0d %f %0d", code, r, a);
        $timeformat(-3, 2, "ms", 10);
        code = $sscanf("8.125", "%t", r);
        $display("%0d %f", code, r);
        code = $sscanf("1 2", 'bx, a);
        $display("%0d", code);
    end
endmodule
