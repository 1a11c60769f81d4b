// %d/%h/%o/%b pad to the value's width by default, %0 removes padding, explicit field widths pad on the left.
module top;
  reg [11:0] v;
  reg signed [7:0] s;
  integer i;
  initial begin
    v = 12'd37;
    s = -5;
    i = -123;
    $display("[%d] [%0d] [%5d] [%h] [%0h] [%o] [%b]", v, v, v, v, v, v, v);
    $display("[%d] [%0d] [%h] [%b]", s, s, s, s);
    $display("[%d] [%0d] [%8d] [%h]", i, i, i, i);
    $display("[%3h] [%10b] [%2d]", v, v, v);
    $display("[%x] [%X] [%D] [%H] [%B] [%O]", v, v, v, v, v, v);
  end
endmodule
