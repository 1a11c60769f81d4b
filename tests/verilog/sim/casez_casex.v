// casez treats z (and ?) in item or expression as don't care; casex treats both x and z as don't care.
module top;
  reg [3:0] v;
  integer i;
  task tz;
    casez (v)
      4'b1???: $display("z: %b -> 1???", v);
      4'b01??: $display("z: %b -> 01??", v);
      4'b001z: $display("z: %b -> 001z", v);
      default: $display("z: %b -> default", v);
    endcase
  endtask
  task tx;
    casex (v)
      4'b1xxx: $display("x: %b -> 1xxx", v);
      4'b0z1?: $display("x: %b -> 0z1?", v);
      default: $display("x: %b -> default", v);
    endcase
  endtask
  initial begin
    v = 4'b1010; tz; tx;
    v = 4'b0110; tz; tx;
    v = 4'b0011; tz; tx;
    v = 4'b0001; tz; tx;
    v = 4'bz001; tz; tx;
    v = 4'bx001; tz; tx;
    v = 4'b00x0; tz; tx;
    v = 4'b0zz0; tz; tx;
  end
endmodule
