// Format of x/z: %b shows each bit, %h/%o use x/z (or X/Z when mixed), %d shows x or z (X/Z when partial).
module top;
  reg [7:0] a;
  reg [11:0] b;
  initial begin
    a = 8'bxxxxxxxx;
    $display("[%b] [%h] [%o] [%d]", a, a, a, a);
    a = 8'bzzzzzzzz;
    $display("[%b] [%h] [%o] [%d]", a, a, a, a);
    a = 8'b1010xxxx;
    $display("[%b] [%h] [%o] [%d]", a, a, a, a);
    a = 8'b0000zzz1;
    $display("[%b] [%h] [%o] [%d]", a, a, a, a);
    b = 12'hz5x;
    $display("[%b] [%h] [%o] [%d] [%0d]", b, b, b, b, b);
  end
endmodule
