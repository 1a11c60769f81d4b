// $sformat and $swrite/$swriteb/$swriteo/$swriteh (IEEE 1364-2005 17.1.3): the text is what
// $display would print, stored right-justified in the variable.
module top;
  reg [8*24:1] s;
  reg [8*4:1] narrow;
  reg [8*6:1] fmt;
  reg [31:0] a;
  reg signed [7:0] n;
  real r;
  initial begin
    a = 42;
    n = -5;
    r = 2.25;
    $sformat(s, "a=%0d h=%h", a, a);
    $display("[%s]", s);
    $sformat(s, "%m");
    $display("[%0s]", s);
    $sformat(s, "x%sy%s", "ab", "cd");
    $display("[%0s]", s);
    $sformat(s, "%c%c%c", 72, 105, 33);
    $display("[%0s]", s);
    $sformat(s, "%d|%0d|%b", n, n, n);
    $display("[%0s]", s);
    $sformat(s, "%f %e", r, r);
    $display("[%0s]", s);
    $sformat(s, "%u", 32'h41424344);
    $display("[%h]", s);
    $sformat(narrow, "%0d", 123456);
    $display("[%s]", narrow);
    fmt = "<%0d>";
    $sformat(s, fmt, a);
    $display("[%0s]", s);
    $sformat(s, "%h", 8'bx1z0_1010);
    $display("[%0s]", s);
    $swrite(s, "v=", a, " r=", r);
    $display("[%0s]", s);
    $swrite(s, "v=%0d", a, "!", n);
    $display("[%0s]", s);
    $swriteh(s, "v=", a);
    $display("[%0s]", s);
    $swriteb(s, a[3:0], ",", n);
    $display("[%0s]", s);
    $swriteo(s, a);
    $display("[%0s]", s);
    $sformat(s, "");
    $display("[%h]", s);
  end
endmodule
